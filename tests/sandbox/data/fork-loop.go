// Starts processes in a loop without ever waiting for them.
package main

import (
	"fmt"
	"os/exec"
)

func main() {
	started := 0
	for i := 0; i < 100000; i++ {
		if err := exec.Command("/bin/sleep", "600").Start(); err == nil {
			started++
		}
	}
	fmt.Println("started", started)
}
