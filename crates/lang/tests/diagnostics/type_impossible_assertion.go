package main

import "fmt"

type Shape interface{ Area() float64 }

type Square struct{ s float64 }

func (q *Square) Area() float64 { return q.s * q.s }

func main() {
	var sh Shape = &Square{2}
	sq := sh.(Square)
	fmt.Println(sq)
}
// Errors:
// main.go:13:8: impossible type assertion: sh.(Square)
// 	Square does not implement Shape (method Area has pointer receiver)
