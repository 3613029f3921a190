package main

type T struct{ X int }

func (t T) M()  {}
func (t *T) M() {}
func (t T) X()  {}

func (i int) Bad() {}

func main() {}
// Errors:
// main.go:6:13: method T.M already declared at main.go:5:12
// main.go:7:12: field and method with the same name X
// 	main.go:3:16: other declaration of X
// main.go:9:7: cannot define new methods on non-local type int
