package main

import "fmt"

func main() {
	fmt.Println("hello)
}
// Errors:
// main.go:6:21: newline in string
// main.go:6:21: syntax error: unexpected newline in argument list; possibly missing comma or )
