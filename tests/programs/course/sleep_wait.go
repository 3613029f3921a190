// Course: waiting with time.Sleep "works" here, but it is a guess, not synchronization
// (see race/sleep_no_edge.go for what the race detector thinks of it).
package main

import (
	"fmt"
	"time"
)

func main() {
	go fmt.Println("hello from the goroutine")
	time.Sleep(50 * time.Millisecond)
	fmt.Println("main returns")
}

// Output:
// hello from the goroutine
// main returns
