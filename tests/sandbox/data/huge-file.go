// Writes 100 MiB into its scratch folder. Go ignores SIGXFSZ, so at the file-size limit the
// write only fails and the program would go on as if nothing happened.
package main

import (
	"fmt"
	"os"
)

func main() {
	file, err := os.Create("huge.bin")
	if err != nil {
		fmt.Println("cannot create:", err)
		return
	}
	block := make([]byte, 1<<20)
	written := 0
	for i := 0; i < 100; i++ {
		n, err := file.Write(block)
		written += n
		if err != nil {
			fmt.Println("write failed after", written>>20, "MiB:", err)
			break
		}
	}
	fmt.Println("done writing")
}
