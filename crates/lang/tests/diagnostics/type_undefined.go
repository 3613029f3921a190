package main

import "fmt"

func main() {
	fmt.Println(count)
	total += 1
	fmt.Printn("x")
}
// Errors:
// main.go:6:14: undefined: count
// main.go:7:2: undefined: total
// main.go:8:6: undefined: fmt.Printn
