// Keeps allocating and touching memory: 4 GiB if nothing stops it.
package main

import "fmt"

func main() {
	var kept [][]byte
	for i := 0; i < 64; i++ {
		chunk := make([]byte, 64<<20)
		for j := range chunk {
			chunk[j] = byte(j)
		}
		kept = append(kept, chunk)
		fmt.Println("holding", (i+1)*64, "MiB")
	}
	fmt.Println(len(kept))
}
