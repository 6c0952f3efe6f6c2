// Safe counter: starter file.
//
// Fill in the TODOs. Keep the names SafeCounter, Inc and Value exactly as
// they are: the grader calls them. Build and run with the race detector:
//
//	go run -race main.go
package main

import (
	"fmt"
)

// SafeCounter is a counter that many goroutines may update at the same time.
type SafeCounter struct {
	// TODO: the count itself, and something that protects it
	// (the sync package has what you need).
}

// Inc adds one to the counter. It is called from many goroutines at once.
func (c *SafeCounter) Inc() {
	// TODO
}

// Value returns the current count. It may be called while other
// goroutines are still calling Inc.
func (c *SafeCounter) Value() int {
	// TODO
	return 0
}

func main() {
	var c SafeCounter

	// TODO: start 100 goroutines that each call c.Inc() 100 times, then wait
	// until every one of them has finished before reading the value.

	fmt.Println(c.Value()) // should print 10000
}
