// Sleeps far longer than any time limit, using no CPU at all.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("going to sleep")
	time.Sleep(24 * time.Hour)
}
