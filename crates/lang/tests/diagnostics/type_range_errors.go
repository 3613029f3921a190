package main

import "fmt"

func main() {
	n := 3.5
	for i := range n {
		fmt.Println(i)
	}
	ch := make(chan int)
	for i, v := range ch {
		fmt.Println(i, v)
	}
	for i, v := range 10 {
		fmt.Println(i, v)
	}
}
// Errors:
// main.go:7:17: cannot range over n (variable of type float64)
// main.go:11:9: range over ch (variable of type chan int) permits only one iteration variable
// main.go:14:9: range over 10 (untyped int constant) permits only one iteration variable
