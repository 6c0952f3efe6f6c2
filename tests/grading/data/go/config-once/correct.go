package main

import (
	"fmt"
	"sync"
	"time"
)

type Settings struct {
	Addr    string
	Timeout time.Duration
	Workers int
}

type Config struct {
	once     sync.Once
	settings Settings
}

// read pretends to parse a config file.
func (c *Config) read() {
	fmt.Println("initializing config from config.yaml")
	time.Sleep(10 * time.Millisecond)
	c.settings = Settings{Addr: ":8080", Timeout: 5 * time.Second, Workers: 4}
}

func (c *Config) Load() *Settings {
	c.once.Do(c.read)
	return &c.settings
}

func main() {
	var cfg Config
	results := make(chan *Settings)
	for i := 0; i < 10; i++ {
		go func() { results <- cfg.Load() }()
	}
	first := <-results
	same := true
	for i := 1; i < 10; i++ {
		if <-results != first {
			same = false
		}
	}
	fmt.Println("same pointer everywhere:", same)
	fmt.Printf("%+v\n", *first)
}
