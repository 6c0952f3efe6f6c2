// Starts a child in a new session (out of the program's process group) that outlives the
// program, then leaves at once.
package main

import (
	"fmt"
	"os/exec"
	"syscall"
)

func main() {
	child := exec.Command("/bin/sleep", "600")
	child.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := child.Start(); err != nil {
		fmt.Println("could not start:", err)
		return
	}
	fmt.Println("left a child behind:", child.Process.Pid)
}
