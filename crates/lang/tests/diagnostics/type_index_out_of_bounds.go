package main

import "fmt"

func main() {
	a := [3]int{1, 2, 3}
	fmt.Println(a[5])
	fmt.Println(a[-1])
	s := "abc"
	fmt.Println(s[1:10])
	const c = "hey"
	fmt.Println(c[7])
}
// Errors:
// main.go:7:16: invalid argument: index 5 out of bounds [0:3]
// main.go:8:16: invalid argument: index -1 (constant of type int) must not be negative
// main.go:12:16: invalid argument: index 7 out of bounds [0:3]
