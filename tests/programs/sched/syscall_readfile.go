// Scheduler: a goroutine blocks in a file-system call while others keep running; the error
// text is Go's (*PathError) message.
package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	errs := make(chan error)
	sums := make(chan int)
	go func() {
		_, err := os.ReadFile("/nonexistent/data.txt")
		errs <- err
	}()
	go func() {
		s := 0
		for i := 0; i < 1000; i++ {
			s += i
		}
		sums <- s
	}()
	err := <-errs
	fmt.Println(err)
	fmt.Println("not exist:", errors.Is(err, os.ErrNotExist))
	fmt.Println("sum:", <-sums)
}

// Output:
// open /nonexistent/data.txt: no such file or directory
// not exist: true
// sum: 499500
