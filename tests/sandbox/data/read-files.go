// Tries to read what a submission must never see: the grader's home, another student's work,
// the machine's password hashes.
package main

import (
	"fmt"
	"os"
)

func main() {
	for _, path := range []string{"@SECRET@", "@OTHER@", "/etc/shadow", "@HOME@"} {
		if data, err := os.ReadFile(path); err == nil {
			fmt.Printf("LEAKED: read %d bytes of %s\n", len(data), path)
		} else if entries, err := os.ReadDir(path); err == nil {
			fmt.Printf("LEAKED: listed %d entries of %s\n", len(entries), path)
		} else {
			fmt.Println("blocked:", path)
		}
	}
}
