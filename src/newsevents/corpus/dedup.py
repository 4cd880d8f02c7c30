"""placeholder"""
def cluster_store(store):
    return 0
