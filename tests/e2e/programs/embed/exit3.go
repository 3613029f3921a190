// os.Exit sets the exit code the host receives.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("bye")
	os.Exit(3)
}
