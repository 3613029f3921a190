// Scheduler: select with default never blocks: it sends while there is room and receives
// while there is data.
package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	for i := 0; i < 4; i++ {
		select {
		case ch <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("full, dropped", i)
		}
	}
	for {
		select {
		case v := <-ch:
			fmt.Println("received", v)
		default:
			fmt.Println("empty")
			return
		}
	}
}

// Output:
// sent 0
// sent 1
// full, dropped 2
// full, dropped 3
// received 0
// received 1
// empty
