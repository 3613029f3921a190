package main

import "fmt"

func main() {
	x := 1
	x + 1
	x == 2
	fmt.Sprintf("%d", x)
	len("abc")
}
// Errors:
// main.go:7:2: x + 1 (value of type int) is not used
// main.go:8:2: x == 2 (untyped bool value) is not used
// main.go:10:2: len("abc") (constant 3 of type int) is not used
