// Tour "Buffered Channels": sends to a buffered channel do not block until it is full.
package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	fmt.Println(len(ch), cap(ch))
	fmt.Println(<-ch)
	fmt.Println(<-ch)
	fmt.Println(len(ch), cap(ch))
}

// Output:
// 2 2
// 1
// 2
// 0 2
