// Spins for ever on every core.
package main

import "fmt"

func main() {
	spins := 0
	for {
		spins++
		if spins == -1 {
			fmt.Println(spins)
		}
	}
}
