package main

import "fmt"

func main() {
	ch := make(chan int)
	x := 0
	select {
	case x > 0:
		fmt.Println(x)
	case v := <-ch:
		fmt.Println(v)
	default:
	default:
	}
}
// Errors:
// main.go:7:2: declared and not used: x
// main.go:9:9: select case must be send or receive (possibly with assignment)
// main.go:14:2: multiple defaults (first at main.go:13:2)
