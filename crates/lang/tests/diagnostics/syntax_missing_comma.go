package main

import "fmt"

func main() {
	xs := []int{
		1,
		2
	}
	fmt.Println(xs)
}
// Errors:
// main.go:8:4: syntax error: unexpected newline in composite literal; possibly missing comma or }
