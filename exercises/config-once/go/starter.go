// Config once: starter file.
//
// Fill in the TODOs. Keep the names Config, Load and Settings exactly as they
// are: the grader calls them. Build and run with the race detector:
//
//	go run -race main.go
package main

import (
	"fmt"
)

// Settings is what the program reads from its configuration.
type Settings struct {
	DatabaseURL string
	MaxConns    int
	Debug       bool
}

// Config builds the Settings the first time they are needed and hands out
// the same *Settings to every caller after that.
type Config struct {
	// TODO: what Load needs to build the settings exactly once
	// (the sync package has what you need) and to remember them.
}

// Load returns the settings. The first call builds them and prints a line
// containing "initializing config"; every later call returns the same pointer
// without printing anything. Many goroutines may call Load at the same time.
func (c *Config) Load() *Settings {
	// TODO: build the settings only once. Pretend to read them from a file:
	// print "initializing config", then return these hardcoded values:
	//   &Settings{DatabaseURL: "postgres://localhost:5432/shop", MaxConns: 20}
	return nil
}

func main() {
	c := &Config{}

	// TODO: start 10 goroutines that all call c.Load() at the same time, keep
	// the pointer each one gets, wait for all of them, then report whether
	// they all got the same pointer.

	s := c.Load()
	fmt.Println("all callers got the same *Settings: false")
	fmt.Printf("settings: %+v\n", s)
}
