package main

import "fmt"

func main() {
	x := 1
	x = append(x, 2)
	var s []int
	s = append(s, "a")
	fmt.Println(x, s)
	append(s, 1)
}
// Errors:
// main.go:7:13: first argument to append must be a slice; have x (variable of type int)
// main.go:9:16: cannot use "a" (untyped string constant) as int value in argument to append
// main.go:11:2: append(s, 1) (value of type []int) is not used
