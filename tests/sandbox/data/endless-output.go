// Prints for ever.
package main

import "fmt"

func main() {
	for i := 0; ; i++ {
		fmt.Println("line", i, "of a program that never stops talking")
	}
}
