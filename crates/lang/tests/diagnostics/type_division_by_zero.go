package main

import "fmt"

func main() {
	n := 10
	fmt.Println(n / 0)
	const c = 5 % 0
	fmt.Println(3.0 / 0)
}
// Errors:
// main.go:7:18: invalid operation: division by zero
// main.go:8:16: invalid operation: division by zero
// main.go:9:20: invalid operation: division by zero
