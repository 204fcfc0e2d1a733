print('hello')
# edited after signing
