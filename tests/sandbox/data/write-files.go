// Tries to write outside its own scratch folder, and to change its own program.
package main

import (
	"fmt"
	"os"
)

func main() {
	self, _ := os.Executable()
	for _, path := range []string{"@HOME@/written-by-student", "/etc/written-by-student",
		"/usr/written-by-student", self} {
		file, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE, 0o644)
		if err != nil {
			fmt.Println("blocked:", path)
			continue
		}
		file.WriteString("student was here\n")
		file.Close()
		fmt.Println("LEAKED: wrote", path)
	}
	if err := os.WriteFile("scratch.txt", []byte("allowed\n"), 0o644); err != nil {
		fmt.Println("scratch folder not writable:", err)
	} else {
		fmt.Println("wrote its own scratch folder")
	}
}
