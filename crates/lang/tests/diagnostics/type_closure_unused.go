package main

import (
	"fmt"
	"time"
)

func main() {
	for i := 0; i < 3; i++ {
		go func() {
			v := i * 2
			time.Sleep(time.Millisecond)
		}()
	}
	fmt.Println("done")
}
// Errors:
// main.go:11:4: declared and not used: v
