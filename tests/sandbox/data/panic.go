// Panics on purpose.
package main

import "fmt"

func main() {
	fmt.Println("about to panic")
	var table map[string]int
	table["boom"] = 1
}
