package main

import "fmt"

func main() {
	var n int = 2.5
	m := 7
	m = 1.5
	fmt.Println(n, m)
}
// Errors:
// main.go:6:14: cannot use 2.5 (untyped float constant) as int value in variable declaration (truncated)
// main.go:8:6: cannot use 1.5 (untyped float constant) as int value in assignment (truncated)
