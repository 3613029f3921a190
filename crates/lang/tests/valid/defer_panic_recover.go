package main

import (
	"errors"
	"fmt"
	"os"
)

func safeDiv(a, b int) (res int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	res = a / b
	return
}

func cleanup(name string) {
	fmt.Println("cleanup", name)
}

func main() {
	defer cleanup("main")
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println(safeDiv(1, 0))
	err := errors.New("bad")
	wrapped := fmt.Errorf("ctx: %w", err)
	fmt.Println(errors.Is(wrapped, err), errors.Unwrap(wrapped) == err)
	if len(os.Args) > 10 {
		os.Exit(3)
	}
	panic("done")
}
