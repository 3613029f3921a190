package main

import "fmt"

func helper() {}
func helper() {}

var count int
var count string

func main() {
	fmt.Println(count)
}
// Errors:
// main.go:6:6: helper redeclared in this block
// 	main.go:5:6: other declaration of helper
// main.go:9:5: count redeclared in this block
// 	main.go:8:5: other declaration of count
