// Not a deadlock: main blocks on a timer channel; the pending timer keeps the program alive
// until it fires.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println("waiting for the timer")
	<-time.After(100 * time.Millisecond)
	fmt.Println("timer fired")
}

// Output:
// waiting for the timer
// timer fired
