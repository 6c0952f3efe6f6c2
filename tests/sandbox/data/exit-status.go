// Ends with its own exit status.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("about to leave")
	os.Exit(3)
}
