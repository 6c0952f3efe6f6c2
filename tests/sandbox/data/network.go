// Tries to reach a server that the test runs on the host's loopback interface.
package main

import (
	"fmt"
	"net"
	"time"
)

func main() {
	conn, err := net.DialTimeout("tcp", "127.0.0.1:@PORT@", 2*time.Second)
	if err != nil {
		fmt.Println("blocked: dial:", err)
		return
	}
	conn.Close()
	fmt.Println("LEAKED: connected to the host")
}
