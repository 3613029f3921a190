// Go by Example "Select": wait on two channels that become ready 100 ms apart.
package main

import (
	"fmt"
	"time"
)

func main() {
	c1 := make(chan string)
	c2 := make(chan string)
	go func() {
		time.Sleep(100 * time.Millisecond)
		c1 <- "one"
	}()
	go func() {
		time.Sleep(200 * time.Millisecond)
		c2 <- "two"
	}()
	start := time.Now()
	for i := 0; i < 2; i++ {
		select {
		case msg1 := <-c1:
			fmt.Println("received", msg1)
		case msg2 := <-c2:
			fmt.Println("received", msg2)
		}
	}
	// Both goroutines slept concurrently: about 200 ms in total, not 300 ms.
	fmt.Println(time.Since(start) < 290*time.Millisecond)
}

// Output:
// received one
// received two
// true
