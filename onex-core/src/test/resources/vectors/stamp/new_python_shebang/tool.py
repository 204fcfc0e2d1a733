#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Tool."""


def main():
    return 0
