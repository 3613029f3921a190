// Found by fuzz target run (a mutant of tests/programs/panic/custom_error.go).
package main

import "fmt"

type MyErr struct {
	Code int
}

func (e MyErr) Error() string {
	_ = e.Error()
	return fmt.Sprintf("my error %d", e.Code)
}

func main() {
	panic(MyErr{Code: 42})
}
