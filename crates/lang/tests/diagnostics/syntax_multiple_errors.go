package main

import "fmt"

func main() {
	a := [3]int{1, 2, 3
	fmt.Println(a)
	b := map[string]int{"x": 1,}
	c := b["x"] +
	fmt.Println(b, c))
}
// Errors:
// main.go:6:21: syntax error: unexpected newline in composite literal; possibly missing comma or }
// main.go:7:15: syntax error: unexpected ) at end of statement
// main.go:10:19: syntax error: unexpected ) at end of statement
