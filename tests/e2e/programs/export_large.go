// The trace download's large run: workers hand values to one consumer over an unbuffered
// channel, so nearly every send and receive blocks and switches goroutines (hundreds of
// thousands of slices on the timeline).
package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		sum := 0
		for v := range ch {
			sum += v
		}
		fmt.Println(sum)
		done <- true
	}()
	finished := make(chan bool)
	for w := 0; w < 200; w++ {
		go func() {
			for i := 0; i < 1000; i++ {
				ch <- i
			}
			finished <- true
		}()
	}
	for w := 0; w < 200; w++ {
		<-finished
	}
	close(ch)
	<-done
}
