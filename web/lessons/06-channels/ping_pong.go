// Two goroutines pass a ball back and forth over unbuffered channels.
package main

import "fmt"

func player(name string, in <-chan int, out chan<- int, done chan<- bool) {
	for {
		hits := <-in // wait for the ball
		if hits == 6 {
			done <- true
			return
		}
		fmt.Println(name, "hit", hits+1)
		out <- hits + 1 // hand it over: the other player wakes up
	}
}

func main() {
	ping := make(chan int)
	pong := make(chan int)
	done := make(chan bool)
	go player("ping", ping, pong, done)
	go player("pong", pong, ping, done)
	ping <- 0 // serve
	<-done
}
