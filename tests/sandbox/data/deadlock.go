// Locks a mutex it already holds: the Go runtime sees every goroutine asleep.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	fmt.Println("locked once")
	mu.Lock()
	fmt.Println("never printed")
}
