// Scheduler: a goroutine blocked on the network (here a refused local connection) does not
// hold a thread; other goroutines keep running. The error text is net/http's.
package main

import (
	"fmt"
	"net/http"
)

func main() {
	errs := make(chan error)
	go func() {
		resp, err := http.Get("http://127.0.0.1:1/")
		if err == nil {
			resp.Body.Close()
		}
		errs <- err
	}()
	squares := 0
	for i := 1; i <= 10; i++ {
		squares += i * i
	}
	fmt.Println("squares:", squares)
	fmt.Println(<-errs)
}

// Output:
// squares: 385
// Get "http://127.0.0.1:1/": dial tcp 127.0.0.1:1: connect: connection refused
