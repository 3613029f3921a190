// os: writing to the standard streams through fmt.Fprint* and WriteString.
package main

import (
	"fmt"
	"os"
)

func main() {
	n, err := fmt.Fprintf(os.Stdout, "%d-%s\n", 7, "x")
	fmt.Println(n, err)
	fmt.Fprintln(os.Stderr, "to stderr")
	k, _ := os.Stdout.WriteString("héllo\n")
	fmt.Fprint(os.Stdout, k, "\n")
}

// Output:
// 7-x
// 4 <nil>
// héllo
// 7
