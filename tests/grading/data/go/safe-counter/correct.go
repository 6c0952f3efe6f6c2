package main

import (
	"fmt"
	"sync"
)

// SafeCounter can be shared by many goroutines. Reads take the read lock so
// several readers can look at the count at once.
type SafeCounter struct {
	mu sync.RWMutex
	n  int
}

func (s *SafeCounter) Inc() {
	s.mu.Lock()
	s.n++
	s.mu.Unlock()
}

func (s *SafeCounter) Value() int {
	s.mu.RLock()
	v := s.n
	s.mu.RUnlock()
	return v
}

func main() {
	const goroutines = 100
	counter := &SafeCounter{}

	var wg sync.WaitGroup
	wg.Add(goroutines)
	for g := 0; g < goroutines; g++ {
		go func() {
			defer wg.Done()
			for k := 0; k < 100; k++ {
				counter.Inc()
			}
		}()
	}
	wg.Wait()
	fmt.Println("final count:")
	fmt.Println(counter.Value())
}
