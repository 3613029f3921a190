package main

func main() { var a [1 << 13][1 << 13]int; println(a[0][0]) }
