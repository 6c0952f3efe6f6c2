package main

import (
	"fmt"
	"sync"
)

type Settings struct {
	DatabaseURL string
	MaxConns    int
}

type Config struct {
	once     sync.Once
	settings *Settings
}

func (c Config) Load() *Settings {
	c.once.Do(func() {
		fmt.Println("initializing config")
		c.settings = &Settings{DatabaseURL: "postgres://db/app", MaxConns: 5}
	})
	return c.settings
}

func main() {
	var c Config
	var wg sync.WaitGroup
	got := make([]*Settings, 10)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			got[i] = c.Load()
		}(i)
	}
	wg.Wait()
	same := true
	for _, s := range got {
		if s != got[0] {
			same = false
		}
	}
	fmt.Println("all the same:", same)
}
