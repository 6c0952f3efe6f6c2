// Config once: reference solution.
package main

import (
	"fmt"
	"sync"
	"time"
)

const callers = 10

// Settings is what the program reads from its configuration.
type Settings struct {
	DatabaseURL string
	MaxConns    int
	Debug       bool
}

// Config builds the Settings the first time they are needed and hands out
// the same *Settings to every caller after that.
type Config struct {
	once     sync.Once
	settings *Settings // written only inside once.Do
}

// Load returns the settings, building them on the first call. once.Do makes
// every caller wait until the first one has finished, and what that call
// wrote is visible to all of them afterwards.
func (c *Config) Load() *Settings {
	c.once.Do(func() {
		fmt.Println("initializing config")
		time.Sleep(20 * time.Millisecond) // pretend to read a file
		c.settings = &Settings{DatabaseURL: "postgres://localhost:5432/shop", MaxConns: 20}
	})
	return c.settings
}

func main() {
	c := &Config{}
	got := make([]*Settings, callers)

	var wg sync.WaitGroup
	for i := 0; i < callers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			got[i] = c.Load() // each goroutine writes only its own element
		}(i)
	}
	wg.Wait()

	same := true
	for _, s := range got {
		if s == nil || s != got[0] {
			same = false
		}
	}
	fmt.Printf("all %d callers got the same *Settings: %v\n", callers, same)
	fmt.Printf("settings: %+v\n", *got[0])
}
