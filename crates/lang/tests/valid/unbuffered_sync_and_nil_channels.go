package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	go func() { a <- 1; close(a) }()
	go func() { b <- 2; close(b) }()
	sum := 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sum += v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sum += v
		}
	}
	fmt.Println(sum)
	done := make(chan struct{})
	data := 0
	go func() {
		data = 42
		close(done)
	}()
	<-done
	fmt.Println(data)
	var send chan<- int = make(chan int, 1)
	send <- 1
	select {
	case send <- 2:
	default:
		fmt.Println("full")
	}
}
